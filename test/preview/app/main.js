import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PreviewPage from 'preview/page';

document.getElementById('root').appendChild(createElement('preview-page', { is: PreviewPage }));
