import { render } from 'preact';
import { SidePanelApp } from '../../lib/ui/apps/SidePanelApp.js';
import { STYLES } from '../../lib/ui/styles.js';

// Wiring only: the stylesheet (a <style> element filled from script, allowed by the extension CSP) and the app.
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
render(<SidePanelApp variant="popup" />, document.getElementById('app')!);
