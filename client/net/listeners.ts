/** A minimal typed event emitter, so the net module depends on neither Phaser nor the DOM. */
export class Listeners<Events extends object> {
  private readonly handlers = new Map<keyof Events, Set<(payload: never) => void>>();

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof Events>(name: K, handler: (payload: Events[K]) => void): () => void {
    const set = this.handlers.get(name) ?? new Set();
    set.add(handler as (payload: never) => void);
    this.handlers.set(name, set);
    return () => set.delete(handler as (payload: never) => void);
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const handler of [...(this.handlers.get(name) ?? [])]) (handler as (p: Events[K]) => void)(payload);
  }

  clear(): void {
    this.handlers.clear();
  }
}
