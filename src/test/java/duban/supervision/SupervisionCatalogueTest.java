package duban.supervision;

import static duban.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/** The supervision catalogue names what the shipped BPMN and forms contain, with their wire values. */
class SupervisionCatalogueTest {

  private final BpmnModelInstance model = Catalogue.bpmn(SupervisionProcess.KEY);

  @Test
  void elementIdsUsedFromCodeAreInTheBpmn() {
    Catalogue.assertHasElements(model, SupervisionProcess.KEY, SupervisionProcess.DESIGNATE_UNITS, SupervisionProcess.ACKNOWLEDGE,
        SupervisionProcess.REASSIGN, SupervisionProcess.SUBMIT_CONTRIBUTION, SupervisionProcess.REPORT_PART,
        SupervisionProcess.REPORT_PART_APPROVED, SupervisionProcess.SUBMIT_REPORT, SupervisionProcess.REVIEW_EXTENSION,
        SupervisionProcess.REVIEW_REPORT, SupervisionProcess.SIGN_OFF, SupervisionProcess.NEXT_REPORTING_PERIOD,
        SupervisionProcess.SIGNED_OFF, SupervisionProcess.EXEMPTED, SupervisionProcess.LADDER_TIMER,
        SupervisionProcess.REMIND_ACKNOWLEDGEMENT, SupervisionProcess.REMIND_CONTRIBUTION,
        SupervisionProcess.REMIND_REVIEW, SupervisionProcess.REMIND_EXTENSION_REVIEW);
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .contains(SupervisionProcess.TOLERANCE_EXEMPTED);
  }

  @Test
  void theFormsCodeChecksAreTheTasksForms() {
    assertThat(Catalogue.formRef(model, SupervisionProcess.ACKNOWLEDGE)).isEqualTo(SupervisionProcess.FORM_ACKNOWLEDGE);
    assertThat(Catalogue.formRef(model, SupervisionProcess.REASSIGN)).isEqualTo(SupervisionProcess.FORM_REASSIGN);
    assertThat(Catalogue.formRef(model, SupervisionProcess.SUBMIT_REPORT)).isEqualTo(SupervisionProcess.FORM_SUBMIT_REPORT);
  }

  @Test
  void eachDecisionOffersExactlyTheFormsChoices() {
    Catalogue.assertOffers("acknowledge-assignment", ACK_DECISION, AckDecision.class);
    Catalogue.assertOffers("reassign-assignment", REASSIGN_DECISION, ReassignDecision.class);
    Catalogue.assertOffers("submit-report", SUBMISSION_TYPE, SubmissionType.class);
    Catalogue.assertOffers("review-extension", EXTENSION_DECISION, ExtensionDecision.class);
    Catalogue.assertOffers("review-report", REVIEW_DECISION, ReviewDecision.class);
    Catalogue.assertOffers("sign-off", SIGN_OFF_DECISION, SignOffDecision.class);
  }

  @Test
  void theBpmnComparesDecisionsOnlyToTheirValues() {
    assertThat(Catalogue.comparedValues(model, ACK_DECISION.name())).containsExactly(AckDecision.RETURN.value());
    assertThat(Catalogue.comparedValues(model, SUBMISSION_TYPE.name())).containsExactly(SubmissionType.EXTENSION.value());
    assertThat(Catalogue.comparedValues(model, REVIEW_DECISION.name())).containsExactly(ReviewDecision.RETURN.value());
    assertThat(Catalogue.comparedValues(model, SIGN_OFF_DECISION.name())).containsExactly(SignOffDecision.RETURN.value());
  }
}
