import React from 'react';

export function ContactCard({ dealer }) {
  return (
    <aside>
      <h3>{dealer.name}</h3>
      {/* ok: hardcoded-personal-data */}
      <a href="mailto:service@autobedrijf-jansen.nl">Mail de werkplaats</a>
      <p>
        {/* ruleid: hardcoded-personal-data messageId=email col=47 */}
        Vragen over uw lease? Mail Sandra via sandra.dekker@hotmail.com
      </p>
    </aside>
  );
}
