"""storyline.engine"""
