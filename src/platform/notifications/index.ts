export { registerNotificationApiRoutes } from "./api-routes.js";
export { type DeliveryResult, deliverOutbox, outboxJob } from "./delivery.js";
export {
  createMailer,
  DEFAULT_MAIL_SETTINGS,
  type Mailer,
  type MailSettings,
  type OutgoingMail,
} from "./mailer.js";
export type { NotificationInput } from "./message.js";
export { notifications, outboxMessages } from "./schema.js";
export {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notify,
} from "./service.js";
export { registerUnreadCount } from "./unread-hook.js";
export { registerNotificationWebRoutes } from "./web-routes.js";
