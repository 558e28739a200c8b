// Object identifiers of one OFD document: unique across the document, counted from 1, the
// largest recorded in Document.xml's MaxUnitID [GB/T 33190 7.5].

export class Ids {
  private last = 0;

  next(): number {
    return ++this.last;
  }

  /** The largest id handed out. */
  get max(): number {
    return this.last;
  }
}
