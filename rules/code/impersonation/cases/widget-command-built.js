// Dealer website: the widget command is passed by name, assembled from parts and kept in a constant.
const COMMAND = 'showFake' + `Agent${'Message'}`;
const OTHER = 'show' + 'AgentMessage';

function teaser(widget) {
  // ruleid: impersonation messageId=fakeAgent col=3
  widget(COMMAND, { text: 'Kan ik helpen?' });
  // ok: impersonation
  widget(OTHER, { text: 'Kan ik helpen?' });
}

module.exports = { teaser };
