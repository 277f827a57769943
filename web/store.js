/*
 * What must survive a reload, kept on this device in IndexedDB (database '<company>-help',
 * named after the company of site.yaml: 'acme-telecom-help' for "Acme Telecom"):
 *   kv      key → value, out-of-line keys: the conversation in progress.
 *   outbox  handoff deliveries waiting or done, keyPath 'id' (see outbox.js).
 *   cases   handoff packages delivered on this device (the offline demo's "agent side"),
 *           keyPath 'case_code'.
 * A small promise wrapper: every write resolves only when its transaction has committed,
 * so the page moves on only after the state is safe. Outbox and case writes ask for
 * 'strict' durability (flushed to disk, not only to the OS), since losing one loses a
 * customer's request for a person; the conversation keeps the browser's default.
 *
 * openDatabase() gives a second, independent connection to the same database; the tests
 * use it to stand in for a reloaded page.
 *
 * Where the browser gives no IndexedDB (storage blocked, some private modes and in-app
 * browsers), the same stores live in memory for as long as the page is open: the
 * customer can still search, walk a fix and send a case; only a reload forgets.
 */
import { companyFileName } from './dom.js';
import { site } from './site.js';

const defaultName = companyFileName(site.company.name, 'help');
// Version 1 had only 'kv'. Bump this with every new store and create what is missing in
// onupgradeneeded, so a user coming from any older version ends up with all of them.
const version = 2;

// An object store kept in a Map, answering like IndexedDB's (its requests call onsuccess
// as soon as it is set: everything here is done already).
function memoryObjectStore(map, keyPath) {
  const done = (value) => ({ result: value === undefined ? undefined : structuredClone(value), set onsuccess(fn) { fn(); } });
  return {
    get: (key) => done(map.get(key)),
    getAll: () => done([...map.values()]),
    put: (value, key) => {
      map.set(keyPath ? value[keyPath] : key, structuredClone(value));
      return done(undefined);
    },
    delete: (key) => {
      map.delete(key);
      return done(undefined);
    },
  };
}

// Storage the browser refuses (as opposed to a failure of one open): memory instead.
function storageUnavailable(error) {
  if (['SecurityError', 'InvalidStateError', 'UnknownError', 'NotSupportedError'].includes(error?.name)) return true;
  try {
    return !globalThis.indexedDB;
  } catch {
    return true;  // even looking at it is refused
  }
}

export function openDatabase(name = defaultName) {
  let opening = null;
  let memory = null;  // Map per store once IndexedDB has proved unavailable

  function open() {
    opening ??= new Promise((resolve, reject) => {
      // Looked up here, not at import, so a test can install fake-indexeddb first.
      const request = indexedDB.open(name, version);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
        if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('cases')) db.createObjectStore('cases', { keyPath: 'case_code' });
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer page in another tab wants to upgrade: step aside instead of blocking it,
        // and open again (at the new version) on the next call.
        db.onversionchange = () => { db.close(); opening = null; };
        db.onclose = () => { opening = null; };
        resolve(db);
      };
      request.onerror = () => { opening = null; reject(request.error); };
      // A tab still running version-1 code holds the database open and never lets go; the
      // open waits (it does not fail) until that tab is closed or reloaded.
    });
    return opening;
  }

  // work(objectStore) returns an IDBRequest or any object with a `result` to resolve with
  // once the transaction has committed.
  async function run(storeName, mode, work, durability = 'default') {
    let db = null;
    if (!memory) {
      try {
        db = await open();
      } catch (error) {
        if (!storageUnavailable(error)) throw error;
        // Calls that were waiting on the same failed open all land here: one set of maps.
        if (!memory) console.warn(`help-assistant: this browser keeps nothing on the device (${error?.name ?? 'no IndexedDB'}); the conversation and cases live until the page closes`);
        memory ??= { kv: new Map(), outbox: new Map(), cases: new Map() };
      }
    }
    if (memory) {
      const keyPaths = { kv: null, outbox: 'id', cases: 'case_code' };
      return work(memoryObjectStore(memory[storeName], keyPaths[storeName])).result;
    }
    return new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode, { durability });
      const request = work(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  }

  const read = (storeName, work) => run(storeName, 'readonly', work);
  const write = (storeName, work) => run(storeName, 'readwrite', work, 'strict');
  // Read, change and write one record in one transaction. change(record, or undefined
  // when there is none) returns the record to write, or undefined to leave things as
  // they are; resolves with what was written (or undefined).
  const update = (storeName, key, change) => write(storeName, (s) => {
    const done = { result: undefined };
    const get = s.get(key);
    get.onsuccess = () => {
      const next = change(get.result);
      if (next !== undefined) {
        s.put(next);
        done.result = next;
      }
    };
    return done;
  });

  return {
    store: {
      get: (key) => run('kv', 'readonly', (s) => s.get(key)),
      put: (key, value) => run('kv', 'readwrite', (s) => s.put(value, key)),
      delete: (key) => run('kv', 'readwrite', (s) => s.delete(key)),
    },
    outboxStore: {
      all: () => read('outbox', (s) => s.getAll()),
      put: (item) => write('outbox', (s) => s.put(item)),
      delete: (id) => write('outbox', (s) => s.delete(id)),
      // One transaction, so two flushes (or two tabs) never both claim the same attempt.
      update: (id, change) => update('outbox', id, change),
    },
    caseStore: {
      all: () => read('cases', (s) => s.getAll()),
      get: (code) => read('cases', (s) => s.get(code)),
      put: (pkg) => write('cases', (s) => s.put(pkg)),
      delete: (code) => write('cases', (s) => s.delete(code)),
      update: (code, change) => update('cases', code, change),
    },
    // Closes this connection (waits for running transactions); the next call opens again.
    close: async () => {
      const pending = opening;
      opening = null;
      if (pending) (await pending.catch(() => null))?.close();
    },
  };
}

const page = openDatabase();
export const store = page.store;
export const outboxStore = page.outboxStore;
export const caseStore = page.caseStore;
