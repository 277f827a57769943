// The page's one script for the widget. It starts the engine (a worker that downloads the
// WebAssembly and the knowledge base) before the widget's own code has arrived: on a slow
// phone the engine is most of what the first answer waits for. Module scripts run once
// the page is parsed, so the first <help-assistant> is there to say which knowledge base.
import { Engine } from './engine.js';

const first = document.querySelector('help-assistant');
if (first) Engine.prepare({ kbUrl: first.getAttribute('kb-src') || 'kb/manifest.json' });

const { HelpAssistantElement } = await import('./help-assistant.js');
if (!customElements.get('help-assistant')) customElements.define('help-assistant', HelpAssistantElement);
