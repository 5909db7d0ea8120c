package duban.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the history of an ended supervision or 容错 instance is kept, in days, unless the office has set another
 * period ({@code PUT /api/history/time-to-live}, stored in duban_setting and kept over restarts and new versions).
 */
@ConfigurationProperties("duban.history")
record HistorySettings(int timeToLiveDays) {}
