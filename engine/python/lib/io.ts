// io: BytesIO as a buffer torch.save writes into and torch.load reads back (the tutorials' in-memory
// checkpoints). Gradlens keeps the objects saved, not pickle's bytes, so what asks for the bytes
// (getvalue, read, tell) is refused by name; seek(0) rewinds to the first object saved.
export const ioSource = {
  name: "io",
  filename: "/usr/lib/python3.13/io.py",
  source: String.raw`
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class BytesIO:
    __module__ = "_io"

    def __init__(self, initial_bytes=None):
        if initial_bytes is not None:
            raise NotImplementedError("io.BytesIO(initial_bytes) is not in Gradlens yet (it keeps what torch.save writes, not bytes)")
        self._gradlens_saved = []
        self._gradlens_next = 0

    def seek(self, pos, whence=0):
        if whence == 0 and pos == 0:
            self._gradlens_next = 0
            return 0
        raise NotImplementedError("BytesIO.seek to another place than 0 is not in Gradlens yet (it keeps what torch.save writes, not bytes)")

    def getvalue(self):
        raise NotImplementedError("BytesIO.getvalue is not in Gradlens yet (it keeps what torch.save writes, not bytes)")

    def read(self, size=-1):
        raise NotImplementedError("BytesIO.read is not in Gradlens yet (it keeps what torch.save writes, not bytes)")

    def write(self, b):
        raise NotImplementedError("BytesIO.write is not in Gradlens yet (it keeps what torch.save writes, not bytes)")

    def tell(self):
        raise NotImplementedError("BytesIO.tell is not in Gradlens yet (it keeps what torch.save writes, not bytes)")

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
`,
};
