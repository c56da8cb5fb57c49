// Python syntax colours from the theme's CSS variables, so the editor reads in light and dark.
// (@lezer/highlight comes with @codemirror/language.)

import { HighlightStyle } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

export const themeHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--syn-keyword)", fontWeight: "600" },
  { tag: [t.bool, t.null, t.atom], color: "var(--syn-atom)" },
  { tag: [t.number], color: "var(--syn-number)" },
  { tag: [t.string, t.special(t.string)], color: "var(--syn-string)" },
  { tag: [t.comment, t.lineComment], color: "var(--syn-comment)", fontStyle: "italic" },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: "var(--syn-def)" },
  { tag: [t.propertyName], color: "var(--syn-prop)" },
]);
