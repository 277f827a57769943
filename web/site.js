// The company's name and contacts, as site.yaml gives them. tools/site.sh replaces this
// file with the one kbc writes from the knowledge base's site.yaml (kbc --site-module);
// this neutral one is what the sources are tested with.
export const site = { company: {} };
