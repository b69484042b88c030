// Package bots is where the chat adapters live: bots/telegram and
// bots/slack turn the answers of package search into messages of their
// platform. What both platforms share — the reply model, formatting
// helpers, subscriptions and delivery — belongs here.
package bots
