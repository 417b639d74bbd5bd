/**
 * Phones take 3-12 MB photos; about 1 MB at 1920 px shows the problem just as well and uploads
 * on a weak signal. The compressor is loaded only when a report form opens, never in the first bundle.
 */
const loadCompressor = () => import('browser-image-compression');

export function preloadCompressor(): void {
  void loadCompressor();
}

export async function compressPhoto(file: File): Promise<Blob> {
  const { default: imageCompression } = await loadCompressor();
  try {
    // Its web worker would fetch the library from a CDN: compress on the page instead.
    return await imageCompression(file, {
      maxSizeMB: 1,
      maxWidthOrHeight: 1920,
      useWebWorker: false,
      fileType: 'image/jpeg',
      initialQuality: 0.82,
    });
  } catch {
    // A format this browser cannot draw: send it as it is, and the server accepts it or says why not.
    return file;
  }
}
