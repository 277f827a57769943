/*
 * What must survive a reload, kept on this device in IndexedDB: the conversation in
 * progress (and, later, the outbox of handoffs). A small promise wrapper over one object
 * store of key → value; every write resolves only when the transaction has committed,
 * so the page moves on only after the state is safe.
 */
const dbName = 'savanova-help';
const storeName = 'kv';
let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opening;
}

async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    const request = work(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const store = {
  get: (key) => run('readonly', (s) => s.get(key)),
  put: (key, value) => run('readwrite', (s) => s.put(value, key)),
  delete: (key) => run('readwrite', (s) => s.delete(key)),
};
