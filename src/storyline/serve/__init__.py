"""storyline.serve"""
