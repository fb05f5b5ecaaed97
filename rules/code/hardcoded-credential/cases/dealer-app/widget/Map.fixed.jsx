// The showroom map in the dealer's chat widget.
import React from 'react';
import { GoogleMap } from './google-map';

export function Showroom({ location }) {
  return (
    <GoogleMap
      // ruleid: hardcoded-credential messageId=literal col=14
      apiKey={process.env.API_KEY}
      // ok: hardcoded-credential
      center={location}
      // ok: hardcoded-credential
      mapId="showroom-map"
    />
  );
}
