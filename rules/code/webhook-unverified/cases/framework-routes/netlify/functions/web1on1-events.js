// A serverless handler (AWS Lambda, Netlify): the body is the event's, a JSON string.
// ruleid: webhook-unverified messageId=route col=1
exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  if (body.event === 'message.create.contact.chat') console.log(body.data.message.id);
  return { statusCode: 200 };
};
