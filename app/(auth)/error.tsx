"use client";

// A page of this group failed to render: a Chinese message and a retry button.
import { GroupErrorPage } from "@/components/ui/error-panel";

export default GroupErrorPage;
