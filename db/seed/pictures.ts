import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Database } from "../client";
import { files } from "../schema";
import type { DemoData } from "./demo-data";
import { type DemoPicture, demoPictureSvg } from "./demo-data/pictures";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DrawnPicture {
  data: Buffer;
  width: number;
  height: number;
}

type Use = "cover" | "photo" | "place";

/**
 * Article covers in two shapes (16:9 and 3:2), so both are seen; directory photos 3:2
 * (sectors' and towns' smaller: 28 more pictures to draw within the seed's 2 s budget).
 */
function boxOf(picture: DemoPicture, use: Use) {
  if (use === "photo") return { width: 600, height: 400 };
  if (use === "place") return { width: 360, height: 240 };
  // Small enough to draw fast (the seed runs on every fresh start and in tests).
  return picture.variant % 2 === 0 ? { width: 960, height: 640 } : { width: 1024, height: 576 };
}

/** Drawn once per process: tests seed many databases, a server seeds once. */
const drawn = new Map<string, Promise<DrawnPicture>>();

function draw(picture: DemoPicture, use: Use): Promise<DrawnPicture> {
  const { width, height } = boxOf(picture, use);
  const key = `${picture.scene}:${picture.variant}:${width}x${height}`;
  let made = drawn.get(key);
  if (!made) {
    made = sharp(Buffer.from(demoPictureSvg(picture, width, height)))
      .jpeg({ quality: 78 })
      .toBuffer()
      .then((data) => ({ data, width, height }));
    drawn.set(key, made);
  }
  return made;
}

export interface DemoPictures {
  articles: Map<string, DrawnPicture>;
  organisations: Map<string, DrawnPicture>;
  sectors: Map<string, DrawnPicture>;
  towns: Map<string, DrawnPicture>;
}

/**
 * Draws every demo picture (articles' covers, the directory's photos), all at once
 * and before the seed's transaction: drawing is the slow part and needs no lock.
 */
export async function drawDemoPictures(data: DemoData): Promise<DemoPictures> {
  const drawAll = async (
    items: { slug: string; picture?: DemoPicture }[],
    use: Use,
  ): Promise<Map<string, DrawnPicture>> => {
    const pictures = await Promise.all(
      items.flatMap((item) =>
        item.picture ? [draw(item.picture, use).then((p) => [item.slug, p] as const)] : [],
      ),
    );
    return new Map(pictures);
  };
  const [articles, organisations, sectors, towns] = await Promise.all([
    drawAll(data.articles, "cover"),
    drawAll(data.organisations, "photo"),
    drawAll(data.sectors, "place"),
    drawAll(data.towns, "place"),
  ]);
  return { articles, organisations, sectors, towns };
}

/** Stores the drawn pictures as public files; slug → file id. */
export async function insertDemoPictures(
  tx: Transaction,
  pictures: Map<string, DrawnPicture>,
): Promise<Map<string, string>> {
  const entries = [...pictures.entries()];
  if (entries.length === 0) return new Map();
  // Two places may share a picture: one file (files are content-addressed).
  const unique = new Map(
    entries.map(([, p]) => [createHash("sha256").update(p.data).digest("hex"), p] as const),
  );
  const rows = await tx
    .insert(files)
    .values(
      [...unique.entries()].map(([sha256, p]) => ({
        sha256,
        contentType: "image/jpeg",
        byteSize: p.data.byteLength,
        width: p.width,
        height: p.height,
        data: p.data,
        visibility: "public" as const,
      })),
    )
    .returning({ id: files.id, sha256: files.sha256 });
  const bySha = new Map(rows.map((r) => [r.sha256, r.id]));
  return new Map(
    entries.map(([slug, p]) => {
      const id = bySha.get(createHash("sha256").update(p.data).digest("hex"));
      if (!id) throw new Error(`demo data: picture of ${slug} not stored`);
      return [slug, id];
    }),
  );
}
