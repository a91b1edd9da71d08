import { render } from 'preact';
import { LearnerApp } from '../../lib/ui/apps/LearnerApp.js';
import { STYLES } from '../../lib/ui/styles.js';

// Wiring only: the stylesheet (a <style> element filled from script, allowed by the extension CSP) and the app.
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
render(<LearnerApp />, document.getElementById('app')!);
