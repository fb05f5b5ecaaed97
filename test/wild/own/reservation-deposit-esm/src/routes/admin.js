import { Router } from 'express';
import { listReservations, removeReservation } from '../store/reservations.js';

const ADMIN_USER = 'verkoop';
const ADMIN_PASSWORD = 'Peeters2024!';

function basicAuth(req, res, next) {
  const [user, pass] = Buffer.from((req.get('authorization') ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
  if (user === ADMIN_USER && pass === ADMIN_PASSWORD) return next();
  res.set('WWW-Authenticate', 'Basic realm="admin"').sendStatus(401);
}

export function adminRoutes() {
  const router = Router();
  router.use(basicAuth);
  router.get('/reservations', (req, res) => res.json(listReservations()));
  router.delete('/reservations/:id', (req, res) => {
    removeReservation(req.params.id);
    res.sendStatus(204);
  });
  return router;
}
