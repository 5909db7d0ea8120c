#!/usr/bin/env python3
"""Derives the test versions of TaskSupervisionProcess from bpmn/TaskSupervisionProcess.bpmn (run from the repository root):
v2 adds the step 核查办理成效 between the approved parts and 办结销号; v3 is v2 with the 延期审批 step (and its timer) under new ids."""
import re

src = open('bpmn/TaskSupervisionProcess.bpmn', encoding='utf-8').read()

# --- v2: a new user task after the approved review, before the sign-off
v2 = src.replace('camunda:versionTag="1">', 'camunda:versionTag="2">\n'
    '    <bpmn:extensionElements><camunda:properties>'
    '<camunda:property name="migration.default.resultsVerifierGroup" value="supervision" />'
    '</camunda:properties></bpmn:extensionElements>', 1)
v2 = v2.replace('<bpmn:sequenceFlow id="Flow_AllPartsApproved" name="报请办结" sourceRef="Gateway_NextPeriodOrSignOff" targetRef="Task_SignOff" />',
    '<bpmn:sequenceFlow id="Flow_AllPartsApproved" name="报请办结" sourceRef="Gateway_NextPeriodOrSignOff" targetRef="Task_VerifyResults" />\n'
    '    <bpmn:sequenceFlow id="Flow_ResultsVerified" sourceRef="Task_VerifyResults" targetRef="Task_SignOff" />')
new_task = ('    <bpmn:userTask id="Task_VerifyResults" name="核查办理成效" camunda:candidateGroups="${resultsVerifierGroup}" '
    'camunda:formRef="verify-results" camunda:formRefBinding="deployment">\n'
    '      <bpmn:extensionElements><camunda:taskListener delegateExpression="${taskPresentationListener}" event="create" /></bpmn:extensionElements>\n'
    '      <bpmn:incoming>Flow_AllPartsApproved</bpmn:incoming><bpmn:outgoing>Flow_ResultsVerified</bpmn:outgoing>\n'
    '    </bpmn:userTask>\n')
v2 = v2.replace('    <bpmn:userTask id="Task_SignOff"', new_task + '    <bpmn:userTask id="Task_SignOff"', 1)
v2 = v2.replace('<bpmn:incoming>Flow_AllPartsApproved</bpmn:incoming><bpmn:outgoing>Flow_ToSignOffDecision</bpmn:outgoing>',
    '<bpmn:incoming>Flow_ResultsVerified</bpmn:incoming><bpmn:outgoing>Flow_ToSignOffDecision</bpmn:outgoing>')

# diagram: the sign-off and what follows move right to make room for the new task
SHIFT = 180
def shift(line):
    return re.sub(r'x="(\d+)"', lambda m: 'x="%d"' % (int(m.group(1)) + SHIFT if int(m.group(1)) >= 2900 else int(m.group(1))), line)
lines = []
for line in v2.split('\n'):
    if 'bpmnElement="Flow_AllPartsApproved"' in line:
        lines.append(line)
        lines.append('      <bpmndi:BPMNShape id="Task_VerifyResults_di" bpmnElement="Task_VerifyResults">'
                     '<dc:Bounds x="2900" y="300" width="120" height="80" /></bpmndi:BPMNShape>')
        lines.append('      <bpmndi:BPMNEdge id="Flow_ResultsVerified_di" bpmnElement="Flow_ResultsVerified">'
                     '<di:waypoint x="3020" y="340" /><di:waypoint x="%d" y="340" /></bpmndi:BPMNEdge>' % (2900 + SHIFT))
    elif 'bpmndi:' in line:
        lines.append(shift(line))
    else:
        lines.append(line)
v2 = '\n'.join(lines)
assert v2.count('Task_VerifyResults') >= 5
open('src/test/resources/migration/TaskSupervisionProcess-v2-new-step.bpmn', 'w', encoding='utf-8').write(v2)

# --- v3: the extension review under new ids (same name, same form, same timer)
v3 = v2.replace('camunda:versionTag="2">', 'camunda:versionTag="3">', 1)
for old, new in [('Task_ReviewExtension', 'Task_ApproveExtension'),
                 ('BoundaryEvent_ExtensionReviewOverdue', 'BoundaryEvent_ExtensionApprovalOverdue')]:
    v3 = v3.replace('"' + old + '"', '"' + new + '"').replace('"' + old + '_di"', '"' + new + '_di"') \
        .replace('_' + old + '"', '_' + new + '"').replace('>' + old + '<', '>' + new + '<')
assert 'Task_ReviewExtension' not in v3 and 'BoundaryEvent_ExtensionReviewOverdue' not in v3
open('src/test/resources/migration/TaskSupervisionProcess-v3-renamed-step.bpmn', 'w', encoding='utf-8').write(v3)
