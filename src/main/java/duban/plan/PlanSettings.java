package duban.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * duban.plans: limits of uploaded tables.
 *
 * @param maxUploadSize the largest file the preview and the import accept (the multipart limits follow it)
 * @param minInflateRatio POI's zip-bomb guard: an entry that inflates more than 1/ratio times is refused
 * @param maxEntrySize POI's zip-bomb guard: the largest inflated entry of a .docx/.xlsx
 */
@ConfigurationProperties("duban.plans")
record PlanSettings(DataSize maxUploadSize, double minInflateRatio, DataSize maxEntrySize) {}
