const got = require('got');

// Not the Web1on1 API: a dealer's own inventory feed, paginated with got.
async function allVehicles() {
  return got.paginate.all('https://inventory.acme-dealertools.nl/api/vehicles', {
    // ok: bulk-data-read
    pagination: { countLimit: Infinity },
  });
}

module.exports = { allVehicles };
