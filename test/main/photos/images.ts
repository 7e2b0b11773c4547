import sharp from 'sharp';

/** A real camera-like JPEG: landscape pixels, EXIF orientation 6, GPS position and a camera serial. */
export async function cameraJpeg(width = 1600, height = 1200): Promise<Buffer> {
  const base = await sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 120, b: 90 } },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="0" y="0" width="${width / 4}" height="${height / 4}" fill="#123456"/></svg>`,
        ),
        top: 0,
        left: 0,
      },
    ])
    .jpeg()
    .toBuffer();
  return sharp(base)
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 15', Copyright: 'someone' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '55/1 45/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '37/1 37/1 0/1',
        },
        IFD1: { BodySerialNumber: 'SN-12345' },
      },
    })
    .jpeg()
    .toBuffer();
}

export async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** The first bytes of an iPhone HEIC file: an ISO-BMFF ftyp box with the heic brand. */
export function heicHeader(): Buffer {
  const box = Buffer.alloc(64);
  box.writeUInt32BE(24, 0);
  box.write('ftypheic', 4, 'ascii');
  box.writeUInt32BE(0, 12);
  box.write('mif1heic', 16, 'ascii');
  return box;
}
