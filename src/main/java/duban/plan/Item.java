package duban.plan;

/** A main item (主要内容) such as {@code （1）打造创业创新公共服务平台。}. */
public record Item(int number, String title, int sectionNumber) {}
