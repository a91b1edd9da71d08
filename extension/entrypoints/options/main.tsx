import { render } from 'preact';
import { OptionsApp } from '../../lib/options/OptionsApp.js';
import { STYLES } from '../../lib/ui/styles.js';

// Wiring only.
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
render(<OptionsApp />, document.getElementById('app')!);
