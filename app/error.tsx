"use client";

// A group layout (or a page outside the groups) failed: a Chinese message and a retry button.
import { RootErrorPage } from "@/components/ui/error-panel";

export default RootErrorPage;
