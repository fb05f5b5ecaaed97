// Middleware that only logs: no check at all.
module.exports = function logRequest(req, res, next) {
  console.log(req.method, req.path);
  next();
};
