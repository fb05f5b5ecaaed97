// Loads the dealer's web chat; conversations themselves go through https://api.web1on1.chat, not this file.
const script = document.createElement('script');
script.src = 'https://cdn.example-dealer.nl/widget.js';
script.async = true;
document.head.appendChild(script);
