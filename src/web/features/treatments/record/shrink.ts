// Phone and tablet cameras take 4–12 MB photos; the server keeps at most 2048 px anyway. Big photos are
// scaled down on the device before they travel over the salon's Wi-Fi. Anything the browser cannot decode
// (e.g. HEIC on some browsers) goes as it is, and the server says whether it can read it.
const MAX_EDGE = 2048;
const SMALL_ENOUGH = 2.5 * 1024 * 1024;

export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= SMALL_ENOUGH || typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' } as ImageBitmapOptions);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}
