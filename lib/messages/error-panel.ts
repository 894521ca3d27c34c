/**
 * What an error boundary says (components/ui/error-panel.tsx). A file of its own because
 * the panel is a client component loaded on every page: importing the common catalogue
 * would send the site's navigation, footer and home-page strings to the browser, twice
 * (the root's and the public group's error.tsx are separate chunks).
 */
export const errorPanelMessages = {
  serverTitle: "页面暂时无法显示",
  serverBody: "服务器开了个小差，请稍后刷新重试。",
  retry: "重试",
} as const;
