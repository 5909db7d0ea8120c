package duban.tolerance;

import static duban.tolerance.ToleranceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import duban.supervision.Catalogue;
import duban.tolerance.ToleranceProcess.Step;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.junit.jupiter.api.Test;

/** The 容错 catalogue names what the shipped BPMN and forms contain, with their wire values. */
class ToleranceCatalogueTest {

  private final BpmnModelInstance model = Catalogue.bpmn(ToleranceProcess.KEY);

  @Test
  void elementIdsUsedFromCodeAreInTheBpmn() {
    Catalogue.assertHasElements(model, ToleranceProcess.KEY, ToleranceProcess.OPEN_INVESTIGATION,
        ToleranceProcess.VERIFY_FACTS, ToleranceProcess.DETERMINE_OUTCOME, ToleranceProcess.CONSIDER_APPEAL, ToleranceProcess.REDETERMINE_OUTCOME,
        ToleranceProcess.REMIND_OPEN_INVESTIGATION, ToleranceProcess.REMIND_VERIFY_FACTS,
        ToleranceProcess.REMIND_DETERMINE_OUTCOME, ToleranceProcess.REMIND_REDETERMINE, ToleranceProcess.NOTIFY_DECLINED,
        ToleranceProcess.NOTIFY_DETERMINATION, ToleranceProcess.NOTIFY_REDETERMINATION,
        ToleranceProcess.APPLY_DETERMINATION);
    assertThat(Catalogue.formRef(model, "StartEvent_ApplicationFiled")).isEqualTo(ToleranceProcess.FORM_APPLICATION);
  }

  @Test
  void eachStepIsFoundByItsTaskAndItsReminder() {
    assertThat(Step.ofTask(ToleranceProcess.CONSIDER_APPEAL)).isEqualTo(Step.APPEAL);
    assertThat(Step.ofReminder(ToleranceProcess.REMIND_REDETERMINE)).isEqualTo(Step.REDETERMINE);
    for (Step step : Step.values()) {
      assertThat(Step.named(step.name())).isEqualTo(step);
    }
    assertThatIllegalArgumentException().isThrownBy(() -> Step.named("APPEALS")).withMessage("未知的容错步骤：APPEALS");
    assertThatIllegalArgumentException().isThrownBy(() -> Step.ofTask("Task_Unknown"));
  }

  @Test
  void theTimersNameEveryStepWithAReminder() {
    Pattern named = Pattern.compile("reminderAt\\('([A-Z]+)'\\)");
    Set<Step> timed = EnumSet.noneOf(Step.class);
    for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
      Matcher m = named.matcher(date.getTextContent());
      while (m.find()) {
        timed.add(Step.named(m.group(1)));
      }
    }
    // the appeal period ends by its own timer (appealEnds); every other step is reminded of
    assertThat(timed).isEqualTo(EnumSet.complementOf(EnumSet.of(Step.APPEAL)));
  }

  @Test
  void eachDecisionOffersExactlyTheFormsChoices() {
    Catalogue.assertOffers("open-investigation", OPEN_DECISION, OpenDecision.class);
    Catalogue.assertOffers("appeal-decision", APPEAL_DECISION, AppealDecision.class);
    Catalogue.assertOffers("determine-outcome", DETERMINATION, Determination.class);
    Catalogue.assertOffers("redetermine-outcome", REDETERMINATION, Determination.class);
    assertThat(Catalogue.comparedValues(model, OPEN_DECISION.name())).containsExactly(OpenDecision.DECLINE.value());
    assertThat(Catalogue.comparedValues(model, APPEAL_DECISION.name())).containsExactly(AppealDecision.APPEAL.value());
  }
}
