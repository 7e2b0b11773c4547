/** Whose photo was changed on this desk: a team member's or a service's. */
export type PhotoEditSubject = 'staff' | 'service';

/**
 * Photo changes made on this desk (the photo outbox's uploads and removals), numbered in order. A sync takes
 * a mark before it reads Altegio; whatever was changed after the mark is newer than the lists it read, so the
 * sync keeps the desk's copy of those photos instead of writing the older one over them. In memory only: a
 * sync never outlives the process, and after a restart every sync reads Altegio after every change.
 */
export class PhotoEdits {
  private last = 0;
  private readonly at = new Map<string, number>();

  /** A point in the sequence of changes. */
  mark(): number {
    return this.last;
  }

  note(subject: PhotoEditSubject, locationId: number, id: number): void {
    this.at.set(`${subject}:${locationId}:${id}`, ++this.last);
  }

  /** Ids of the location's members or services whose photo changed after `mark`. */
  since(subject: PhotoEditSubject, locationId: number, mark: number): number[] {
    const prefix = `${subject}:${locationId}:`;
    const ids: number[] = [];
    for (const [key, n] of this.at) if (n > mark && key.startsWith(prefix)) ids.push(Number(key.slice(prefix.length)));
    return ids;
  }
}
