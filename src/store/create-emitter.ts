/** A listener removed by calling the function `on` returned. */
export type Unsubscribe = () => void;

/** A tiny typed event emitter in the manner of mitt. */
export interface Emitter<Events extends object> {
  on<K extends keyof Events>(type: K, fn: (detail: Events[K]) => void): Unsubscribe;
  emit<K extends keyof Events>(type: K, detail: Events[K]): void;
  clear(): void;
}

export function createEmitter<Events extends object>(): Emitter<Events> {
  const all = new Map<keyof Events, Set<(detail: never) => void>>();
  return {
    on(type, fn) {
      const set = all.get(type) ?? new Set();
      all.set(type, set);
      set.add(fn);
      return () => void set.delete(fn);
    },
    emit(type, detail) {
      // A throwing listener must not stop the others (or the SDK): report it and go on.
      all.get(type)?.forEach((fn) => {
        try {
          (fn as (d: typeof detail) => void)(detail);
        } catch (error) {
          console.error('soglasie: a listener of', type, 'threw', error);
        }
      });
    },
    clear: () => all.clear(),
  };
}
