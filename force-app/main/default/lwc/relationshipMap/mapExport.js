/**
 * Exports the rendered map for account reviews: the SVG as drawn (presentation attributes
 * only, so the file looks the same outside Salesforce) and a PNG rasterised from it.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
// Browsers refuse canvases much larger than this in either dimension.
const MAX_CANVAS_SIDE = 16000;

export function serializeSvg(svgElement) {
  if (!svgElement) {
    throw new Error('No chart to export.');
  }
  const clone = svgElement.cloneNode(true);
  clone.setAttribute('xmlns', SVG_NS);
  clone.querySelectorAll('[tabindex]').forEach((node) => node.removeAttribute('tabindex'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function svgDataUrl(svgElement) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svgElement))}`;
}

function download(href, fileName) {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  anchor.click();
}

export function downloadSvg(svgElement, fileName) {
  download(svgDataUrl(svgElement), fileName);
}

export function downloadPng(svgElement, fileName, preferredScale = 2) {
  const href = svgDataUrl(svgElement);
  const width = Number(svgElement.getAttribute('width'));
  const height = Number(svgElement.getAttribute('height'));
  const scale = Math.min(preferredScale, MAX_CANVAS_SIDE / Math.max(width, height, 1));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      download(canvas.toDataURL('image/png'), fileName);
      resolve();
    };
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = href;
  });
}
