package duban.evidence;

import java.time.LocalDateTime;

/**
 * One stored file's record. {@code taskId} is the user task it was attached to (报送 or 配合): the file can change
 * only while that task is open. {@code round} counts the task's report rounds: a returned report starts the next.
 */
record Evidence(
    String id,
    String processInstanceId,
    String businessKey,
    String taskId,
    String taskKey,
    String taskName,
    int round,
    String unit,
    String uploadedBy,
    LocalDateTime uploadedAt,
    String name,
    FileKind kind,
    long size,
    String sha256) {

  Evidence withName(String newName) {
    return new Evidence(id, processInstanceId, businessKey, taskId, taskKey, taskName, round, unit, uploadedBy,
        uploadedAt, newName, kind, size, sha256);
  }
}
