import { render } from 'preact';
import { CvApp } from '../../lib/ui/apps/CvApp.js';
import { STYLES } from '../../lib/ui/styles.js';

// Wiring only: the stylesheet (a <style> element filled from script, allowed by the extension CSP) and the app.
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
render(<CvApp />, document.getElementById('app')!);
