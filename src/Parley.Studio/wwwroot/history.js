// Undo/redo over snapshots of the editing state. Edits to the same field in quick succession (typing, dragging a
// slider) coalesce into one step, so one Ctrl+Z takes back one gesture, not one keystroke.
export class History {
  constructor(snapshot, onChange) {
    this.past = [];
    this.future = [];
    this.current = JSON.stringify(snapshot);
    this.lastKey = null;
    this.lastAt = 0;
    this.onChange = onChange;
  }

  record(snapshot, key) {
    const next = JSON.stringify(snapshot);
    if (next === this.current) return;
    const now = Date.now();
    const coalesce = key && key === this.lastKey && now - this.lastAt < 1500;
    if (!coalesce) this.past.push(this.current);
    this.current = next;
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
    this.onChange();
  }

  undo() { return this.#move(this.past, this.future); }
  redo() { return this.#move(this.future, this.past); }

  #move(from, to) {
    if (from.length === 0) return null;
    to.push(this.current);
    this.current = from.pop();
    this.lastKey = null;
    this.onChange();
    return JSON.parse(this.current);
  }

  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }
}
