package dev.scansion.result;

/** Which way an element went on an actor's connection. */
public enum Direction { SENT, RECEIVED }
