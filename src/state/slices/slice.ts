// What a slice creator gets from the one store (store.ts): its set and get, seen through the
// slice's own part. A slice reads and writes only its own fields, so slices never import each
// other or the store, and the store is nothing but their sum.

export type SetSlice<T> = (partial: Partial<T> | ((s: T) => Partial<T>)) => void;

export type SliceCreator<T> = (set: SetSlice<T>, get: () => T) => T;
