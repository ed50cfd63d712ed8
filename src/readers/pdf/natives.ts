/**
 * pdf.js's legacy build bundles core-js, which on Node 20 (V8 11) replaces built-ins process-wide when it loads:
 * Array.prototype.push (3.5× slower), JSON.stringify (about 10× slower), JSON.parse. Everything else in the process
 * would pay for reading one PDF. This restores each built-in that existed before and was replaced; what core-js only
 * adds (Promise.try, Map.prototype.getOrInsert, Uint8Array.fromBase64…) stays, since pdf.js uses it.
 */

/** The objects whose own properties core-js may replace. */
function builtins(): object[] {
  const typed = Object.getPrototypeOf(Uint8Array) as object;
  const out: object[] = [
    Array, Array.prototype, Object, Object.prototype, String, String.prototype, Number, Number.prototype, Math, JSON,
    Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype, WeakMap.prototype, RegExp.prototype,
    ArrayBuffer, ArrayBuffer.prototype, typed, (typed as { prototype: object }).prototype, Uint8Array,
    Uint8Array.prototype, Function.prototype, Symbol, Reflect, globalThis,
  ];
  const iterator = (globalThis as { Iterator?: { prototype: object } }).Iterator;
  if (iterator) out.push(iterator, iterator.prototype);
  return out;
}

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const snap: Snapshot = new Map();
  for (const target of builtins()) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const d = Object.getOwnPropertyDescriptor(target, key);
      if (d) props.set(key, d);
    }
    snap.set(target, props);
  }
  return snap;
}

/** Whether a property now holds something other than what it held (functions and accessors compared by identity). */
function replaced(before: PropertyDescriptor, now: PropertyDescriptor): boolean {
  return !Object.is(before.value, now.value) || before.get !== now.get || before.set !== now.set;
}

/** Runs `load` (imports that may install polyfills) and puts back every built-in it replaced. */
export async function keepingNatives<T>(load: () => Promise<T>): Promise<T> {
  const before = snapshot();
  try {
    return await load();
  } finally {
    for (const [target, props] of before) {
      for (const [key, d] of props) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        // Only functions are put back: values such as globalThis counters may legitimately change meanwhile.
        const isFunction = typeof d.value === 'function' || d.get || d.set;
        if (now && isFunction && replaced(d, now) && now.configurable) Object.defineProperty(target, key, d);
      }
    }
  }
}
