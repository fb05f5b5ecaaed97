'use strict';

// A garage's opening-hours page: no Web1on1 app, so Policy Lens stays off here.
const express = require('express');

const app = express();
app.get('/hours', (req, res) => res.json({ weekdays: '08:00-17:30', saturday: '09:00-12:00' }));
app.listen(process.env.PORT || 3000);
