// A count of the layout's elementary steps (vertices and segments visited, pairs compared, points
// written): what tests use to show the work grows linearly with the graph, whatever the clock says.

export interface Work {
  count: number;
}
