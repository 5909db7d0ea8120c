package duban.reminder;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A reminder delivery job holds the engine's connection and takes a second one for each claim and mark, which must
 * commit on their own. If every connection of the pool could be held by a job thread waiting for its second, the
 * jobs would wait for each other until the pool's timeout, fail, and end as incidents. So the pool must be larger
 * than the job executor's thread pool; start-up stops when it is not.
 */
@Component
class ConnectionBudget {

  ConnectionBudget(DataSource dataSource,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> camundaTaskExecutor) {
    TaskExecutor jobThreads = camundaTaskExecutor.getIfAvailable(); // absent when the job executor is off
    if (dataSource instanceof HikariDataSource pool && jobThreads instanceof ThreadPoolTaskExecutor threads
        && pool.getMaximumPoolSize() <= threads.getMaxPoolSize()) {
      throw new IllegalStateException("数据库连接池（spring.datasource.hikari.maximum-pool-size = "
          + pool.getMaximumPoolSize() + "）须大于作业执行线程数（camunda.bpm.job-execution.max-pool-size = "
          + threads.getMaxPoolSize() + "）：发送提醒的作业需要同时占用两个连接");
    }
  }
}
