import { HelpAssistantElement } from './help-assistant.js';

if (!customElements.get('help-assistant')) customElements.define('help-assistant', HelpAssistantElement);
