import { RootNotFoundPage } from "@/components/ui/not-found-panel";

export default RootNotFoundPage;
