/**
 * A page's picture made smaller before it is kept beside the report. Chromium writes full-colour
 * PNGs (65 to 90 kB for a 1000 x 760 page); these pages have few colours, and the same picture
 * in a palette of at most 256 (libimagequant, through sharp) is indistinguishable and 58% smaller:
 * 9.2 MB of pictures came to 3.9 MB for a whole browser run, which brought npm test's reports
 * under 25 MB. JPEG and WebP were no smaller for text on flat colour, and blurred it.
 */
import sharp from 'sharp';

/** The same picture as a palette PNG. */
export async function smallerPicture(png: Buffer): Promise<Buffer> {
  return sharp(png).png({ palette: true, compressionLevel: 9, effort: 7 }).toBuffer();
}
