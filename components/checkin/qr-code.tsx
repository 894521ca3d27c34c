import type { QrDrawing } from "@/lib/checkin/qr";

/**
 * A QR code drawn on the server as inline SVG (no script, no style attribute): black
 * modules on white with the quiet zone, crisp at any size, named for screen readers.
 * The size is set by the caller's classes; it should be at least ~14rem on a phone.
 */
export function QrCode({
  drawing,
  label,
  className = "h-56 w-56",
  id,
}: {
  drawing: QrDrawing;
  label: string;
  className?: string;
  id?: string;
}) {
  const { size, path } = drawing;
  return (
    <svg
      id={id}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      className={`bg-white ${className}`}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
