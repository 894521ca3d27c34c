import { GroupNotFoundPage } from "@/components/ui/not-found-panel";

export default GroupNotFoundPage;
